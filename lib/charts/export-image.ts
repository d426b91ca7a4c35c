/**
 * Browser-only helpers of the chart export (components/charts/ChartExport.tsx): a standalone SVG of what the chart
 * shows on screen (title, plot, legend), a 2x PNG of it, and downloads through an object URL.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const PADDING = 12;
const TITLE_SIZE = 16;
/** Presentation properties copied from the page's CSS onto the clone, so the file looks the same standalone. */
const TEXT_STYLE = ['fill', 'font-family', 'font-size', 'font-weight', 'font-style'] as const;

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
}

function copyTextStyle(source: Element, target: Element) {
  const style = getComputedStyle(source);
  for (const property of TEXT_STYLE) target.setAttribute(property, style.getPropertyValue(property));
}

/**
 * The chart in the figure `frame` as a standalone SVG document: white background, the title on top, then the
 * recharts <svg> (or an <svg data-chart-image>) and the legend swatches and labels ([data-legend-item]) at their
 * on-screen positions. Null when the chart has not rendered (no <svg> yet). The <svg> must be self-contained:
 * <use href> to another file would not load when the SVG is opened alone or drawn on the PNG canvas.
 */
export async function buildChartSvg(frame: HTMLElement, title: string): Promise<ChartImage | null> {
  const plot = frame.querySelector<HTMLElement>('.chart-frame__plot');
  // recharts' surface, or the main <svg> of another chart that marks it with data-chart-image.
  const chart = plot?.querySelector<SVGSVGElement>('svg.recharts-surface, svg[data-chart-image]');
  if (!plot || !chart) return null;
  const origin = plot.getBoundingClientRect();
  const fontFamily = getComputedStyle(frame).fontFamily;
  const titleHeight = TITLE_SIZE + 14;
  const width = Math.ceil(origin.width) + 2 * PADDING;
  const height = Math.ceil(origin.height) + 2 * PADDING + titleHeight;

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', fontFamily);

  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  root.appendChild(background);

  const heading = document.createElementNS(SVG_NS, 'text');
  heading.setAttribute('x', String(PADDING));
  heading.setAttribute('y', String(PADDING + TITLE_SIZE));
  heading.setAttribute('font-size', String(TITLE_SIZE));
  heading.setAttribute('font-weight', '600');
  heading.setAttribute('fill', '#1d2733');
  heading.textContent = title;
  root.appendChild(heading);

  const body = document.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(${PADDING} ${PADDING + titleHeight})`);
  root.appendChild(body);

  const place = (element: Element, source: Element) => {
    const box = source.getBoundingClientRect();
    element.setAttribute('x', String(box.left - origin.left));
    element.setAttribute('y', String(box.top - origin.top));
    element.setAttribute('width', String(box.width));
    element.setAttribute('height', String(box.height));
  };

  // The plot: a deep clone with the CSS-given text styles inlined and the page-only attributes dropped.
  const clone = chart.cloneNode(true) as SVGSVGElement;
  place(clone, chart);
  for (const attribute of ['tabindex', 'role', 'style', 'class']) clone.removeAttribute(attribute);
  await inlineExternalUses(clone, chart);
  const sourceTexts = chart.querySelectorAll('text');
  clone.querySelectorAll('text').forEach((text, index) => {
    const source = sourceTexts[index];
    if (source) copyTextStyle(source, text);
  });
  body.appendChild(clone);

  // The legend: each swatch (a self-contained <svg>) and its label where the browser laid them out.
  for (const item of frame.querySelectorAll<HTMLElement>('[data-legend-item]')) {
    const swatch = item.querySelector('svg');
    if (swatch) {
      const swatchClone = swatch.cloneNode(true) as SVGSVGElement;
      place(swatchClone, swatch);
      swatchClone.removeAttribute('class');
      body.appendChild(swatchClone);
    }
    const label = item.querySelector('span');
    if (label) {
      const box = label.getBoundingClientRect();
      const style = getComputedStyle(label);
      const size = parseFloat(style.fontSize) || 14;
      const text = document.createElementNS(SVG_NS, 'text');
      text.setAttribute('x', String(box.left - origin.left));
      // Baseline: the middle of the line box plus about a third of the font size.
      text.setAttribute('y', String(box.top - origin.top + box.height / 2 + size * 0.35));
      text.setAttribute('font-size', String(size));
      text.setAttribute('fill', style.color);
      text.textContent = label.textContent ?? '';
      body.appendChild(text);
    }
  }

  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { svg, width, height };
}

/**
 * Replaces each <use href="file.svg#id"> of `clone` (the world map's outlines live in one cached sprite file) by a
 * copy of the shape it points to, painted as the on-screen <use> is, so that the picture stands alone.
 */
async function inlineExternalUses(clone: SVGSVGElement, source: SVGSVGElement): Promise<void> {
  const sourceUses = source.querySelectorAll('use');
  const sprites = new Map<string, Promise<Document>>();
  const load = (file: string) => {
    if (!sprites.has(file)) {
      sprites.set(
        file,
        fetch(file)
          .then((response) => response.text())
          .then((text) => new DOMParser().parseFromString(text, 'image/svg+xml')),
      );
    }
    return sprites.get(file)!;
  };
  await Promise.all(
    [...clone.querySelectorAll('use')].map(async (use, index) => {
      const href = use.getAttribute('href') ?? '';
      const hash = href.indexOf('#');
      if (hash <= 0) return;
      const target = (await load(href.slice(0, hash))).getElementById(href.slice(hash + 1));
      if (!target) return;
      const copy = document.importNode(target, true);
      copy.removeAttribute('id');
      const painted = getComputedStyle(sourceUses[index]!);
      for (const property of ['fill', 'stroke', 'stroke-width']) {
        copy.setAttribute(property, painted.getPropertyValue(property));
      }
      use.replaceWith(copy);
    }),
  );
}

/** Draws the SVG on a canvas at `scale` (2 = sharp on high-density screens and in print) and returns a PNG. */
export async function svgToPng({ svg, width, height }: ChartImage, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas context');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Canvas gave no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob under `name` through a temporary object URL on an <a download>. */
export function downloadBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
