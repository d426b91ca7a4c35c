/** One typed value of a GET filter form: a labelled input (text unless `type` says otherwise) holding the URL's value. */
export function FilterInput({
  id,
  name,
  label,
  value,
  type = 'text',
  maxLength,
  placeholder,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  type?: 'text' | 'search' | 'date';
  maxLength?: number;
  placeholder?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        name={name}
        defaultValue={value ?? ''}
        maxLength={maxLength}
        placeholder={placeholder}
      />
    </div>
  );
}
