import { notFound } from 'next/navigation';

// Unknown paths under a locale get the localized not-found page rather than Next's bare default.
export default function CatchAll() {
  notFound();
}
