import type MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;

/** A block of the document: markdown-it's flat tokens nested by their open/close pairs. */
export interface Block {
  type: string;
  attrs: Record<string, string>;
  callout: string | null;
  children: Block[];
  inline: Token[];
}

export function blocksOf(tokens: Token[]): Block[] {
  const root: Block = { type: 'root', attrs: {}, callout: null, children: [], inline: [] };
  const stack = [root];
  for (const token of tokens) {
    const parent = stack.at(-1)!;
    if (token.nesting === 1) {
      const block: Block = {
        type: token.type.replace(/_open$/, ''),
        attrs: Object.fromEntries(token.attrs ?? []),
        callout: token.meta?.callout ?? null,
        children: [],
        inline: [],
      };
      parent.children.push(block);
      stack.push(block);
    } else if (token.nesting === -1) {
      stack.pop();
    } else if (token.type === 'inline') {
      parent.inline.push(...(token.children ?? []));
    }
  }
  return root.children;
}

export interface InlineText {
  text: string;
  links: { text: string; href: string }[];
  images: string[];
  dnlNames: string[];
  uiLabels: string[];
  /** A paragraph that holds nothing but images (a screenshot). */
  imageOnly: boolean;
  /** The bold text a paragraph opens with ("OPTIONAL STEP"), if any. */
  leadingBold: string | null;
}

/** The plain text of some blocks, with what their inline content names: links, images, DNL names, UI labels. */
export function inlineText(blocks: Block[]): InlineText {
  const result: InlineText = { text: '', links: [], images: [], dnlNames: [], uiLabels: [], imageOnly: true, leadingBold: null };
  const parts: string[] = [];
  const visit = (block: Block) => {
    parts.push(paragraphText(block.inline, result));
    block.children.forEach(visit);
  };
  blocks.forEach(visit);
  result.text = parts.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  result.imageOnly &&= result.images.length > 0;
  return result;
}

function paragraphText(tokens: Token[], into: InlineText): string {
  let text = '';
  let bold: string | null = null;
  let boldLeads = false;
  let link: { text: string; href: string } | null = null;
  const write = (content: string) => {
    text += content;
    if (bold !== null) bold += content;
    if (link) link.text += content;
    if (content.trim()) into.imageOnly = false;
  };
  tokens.forEach((token) => {
    switch (token.type) {
      case 'text':
      case 'code_inline':
        write(token.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        write(' ');
        break;
      case 'xl_dnl':
        addOnce(into.dnlNames, token.content);
        write(token.content);
        break;
      case 'xl_uicontrol':
        if (bold === null) addOnce(into.uiLabels, token.content);
        write(token.content);
        break;
      case 'strong_open':
        bold = '';
        boldLeads = text.trim() === '';
        break;
      case 'strong_close':
        if (bold?.trim()) addOnce(into.uiLabels, bold.trim());
        if (boldLeads && into.leadingBold === null && bold?.trim()) into.leadingBold = bold.trim();
        bold = null;
        break;
      case 'link_open':
        link = { text: '', href: token.attrGet('href') ?? '' };
        break;
      case 'link_close':
        if (link) into.links.push(link);
        link = null;
        break;
      case 'image':
        into.images.push(token.attrGet('src') ?? '');
        break;
    }
  });
  return text;
}

function addOnce(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
