// A small Markdown-to-HTML renderer for the report panel: headings, paragraphs, lists, tables,
// fenced code, block quotes, rules, and inline code/bold/italic/links. All text is HTML-escaped;
// links are rendered as text (the panel loads no remote resource).

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Renders inline Markdown of one line of text. */
export function renderInline(text: string): string {
  const parts: string[] = [];
  // Split out code spans first so their content is not formatted.
  const segments = text.split(/(`+[^`]*`+)/);
  for (const seg of segments) {
    if (/^`+[^`]*`+$/.test(seg) && seg.length >= 2) {
      parts.push(`<code>${escapeHtml(seg.replace(/^`+|`+$/g, ''))}</code>`);
      continue;
    }
    let html = escapeHtml(seg);
    html = html.replace(/!?\[([^\]]*)\]\(([^)]*)\)/g, (_m, label: string, url: string) =>
      `<span class="link" title="${url}">${label}</span>`);
    html = html.replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, (_m, a?: string, b?: string) => `<strong>${a ?? b}</strong>`);
    html = html.replace(/(^|[^*\w])\*([^*\s][^*]*?)\*(?!\w)/g, '$1<em>$2</em>');
    html = html.replace(/(^|[^\w])_([^_\s][^_]*?)_(?!\w)/g, '$1<em>$2</em>');
    html = html.replace(/~~([^~]+)~~/g, '<del>$1</del>');
    parts.push(html);
  }
  return parts.join('');
}

function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

const TABLE_RULE = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

function alignments(rule: string): string[] {
  return splitRow(rule).map((c) => {
    const left = c.startsWith(':');
    const right = c.endsWith(':');
    if (left && right) return 'center';
    if (right) return 'right';
    return 'left';
  });
}

/** Renders a Markdown document to an HTML fragment. */
export function renderMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  let paragraph: string[] = [];

  const flushParagraph = (): void => {
    if (paragraph.length > 0) {
      out.push(`<p>${paragraph.map(renderInline).join('<br>\n')}</p>`);
      paragraph = [];
    }
  };

  while (i < lines.length) {
    const line = lines[i];
    const fence = /^\s*(```+|~~~+)\s*([\w+-]*)\s*$/.exec(line);
    if (fence) {
      flushParagraph();
      const closing = fence[1];
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(closing)) {
        body.push(lines[i]);
        i++;
      }
      i++;
      const lang = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : '';
      out.push(`<pre><code${lang}>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    if (line.trim() === '') {
      flushParagraph();
      i++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flushParagraph();
      const level = heading[1].length;
      out.push(`<h${level}>${renderInline(heading[2])}</h${level}>`);
      i++;
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flushParagraph();
      out.push('<hr>');
      i++;
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1])) {
      flushParagraph();
      const header = splitRow(line);
      const align = alignments(lines[i + 1]);
      const cell = (tag: string, text: string, col: number): string =>
        `<${tag} class="align-${align[col] ?? 'left'}">${renderInline(text)}</${tag}>`;
      const rows: string[] = [];
      rows.push(`<thead><tr>${header.map((h, c) => cell('th', h, c)).join('')}</tr></thead>`);
      i += 2;
      const body: string[] = [];
      while (i < lines.length && lines[i].includes('|') && lines[i].trim() !== '') {
        body.push(`<tr>${splitRow(lines[i]).map((d, c) => cell('td', d, c)).join('')}</tr>`);
        i++;
      }
      rows.push(`<tbody>${body.join('')}</tbody>`);
      out.push(`<table>${rows.join('')}</table>`);
      continue;
    }
    if (/^\s*>/.test(line)) {
      flushParagraph();
      const quote: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i])) {
        quote.push(lines[i].replace(/^\s*>\s?/, ''));
        i++;
      }
      out.push(`<blockquote>${renderMarkdown(quote.join('\n'))}</blockquote>`);
      continue;
    }
    const listItem = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
    if (listItem.test(line)) {
      flushParagraph();
      const ordered = /^\s*\d/.test(line);
      const items: string[] = [];
      while (i < lines.length && listItem.test(lines[i])) {
        const m = listItem.exec(lines[i]);
        let text = m ? m[3] : '';
        i++;
        // Continuation lines indented under the item.
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !listItem.test(lines[i])) {
          text += ' ' + lines[i].trim();
          i++;
        }
        const depth = Math.min(Math.floor((m ? m[1].length : 0) / 2), 4);
        const cls = depth > 0 ? ` class="depth-${depth}"` : '';
        items.push(`<li${cls}>${renderInline(text)}</li>`);
      }
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${items.join('')}</${tag}>`);
      continue;
    }
    paragraph.push(line.trim());
    i++;
  }
  flushParagraph();
  return out.join('\n');
}
