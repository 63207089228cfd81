import { describe, expect, it } from 'vitest';
import { CLOSE, END, OPEN, TEXT, XmlScanner, parseXml } from '../../src/readers/xml.js';

/** The events of a document as one string: <name a=v>, text, </name>. */
function events(xml: string): string[] {
  const out: string[] = [];
  parseXml(xml, {
    open: (name, a) => out.push(`<${name}${Object.entries(a).map(([k, v]) => ` ${k}=${v}`).join('')}>`),
    text: (t) => out.push(t),
    close: (name) => out.push(`</${name}>`),
  });
  return out;
}

describe('parseXml', () => {
  it('reads elements, attributes, text and empty elements, without prefixes', () => {
    expect(events('<?xml version="1.0"?>\n<x:a k="1" m = \'two\'><b/>hi<c>there</c></x:a>')).toEqual([
      '<a k=1 m=two>',
      '<b>',
      '</b>',
      'hi',
      '<c>',
      'there',
      '</c>',
      '</a>',
    ]);
  });

  it('decodes entities and character references, in text and in attributes', () => {
    expect(events('<a v="&lt;&amp;&quot;&#x41;&#66;">&apos;&gt;&#x4E2D;&#22269;</a>')).toEqual(['<a v=<&"AB>', `'>中国`, '</a>']);
  });

  it('reads CDATA as text, skips comments and processing instructions, normalises line ends', () => {
    expect(events('<a><!-- note --><![CDATA[<1 & 2>]]><?pi x?>x\r\ny\rz</a>')).toEqual(['<a>', '<1 & 2>', 'x\ny\nz', '</a>']);
  });

  it('normalises whitespace inside attribute values as XML does', () => {
    expect(events('<a v="x\ty\r\nz"/>')).toEqual(['<a v=x y z>', '</a>']);
  });

  it.each([
    ['an unclosed element', '<a><b></b>', /unclosed element <a>/],
    ['a mismatched end tag', '<a><b></a></b>', /<\/a> closes <b>/],
    ['an end tag without a start', '<a></a></b>', /without a start tag/],
    ['an unknown entity', '<a>&nbsp;</a>', /unknown entity/],
    ['an unterminated entity', '<a>AT&T</a>', /unterminated entity/],
    ['an unquoted attribute', '<a v=1/>', /unquoted attribute/],
    ['an unterminated attribute', '<a v="1/>', /unterminated/],
    ["'<' inside an attribute", '<a v="<"/>', /'<' in attribute/],
    ['a repeated attribute', '<a v="1" v="2"/>', /given twice/],
    ['attributes run together', '<a v="1"w="2"/>', /no space between attributes/],
    ['text outside the root', '<a/>tail', /text outside the root/],
    ['two roots', '<a/><b/>', /second root/],
    ['no root at all', '  ', /no root element/],
    ['a truncated document', '<a><b>12', /unclosed element <b>/],
    ['an unterminated comment', '<a><!-- x</a>', /unterminated comment/],
    ['a DOCTYPE with an internal subset', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', /unsupported DOCTYPE/],
  ])('refuses %s', (_what, xml, message) => {
    expect(() => events(xml)).toThrow(message);
  });
});

describe('XmlScanner', () => {
  it('gives events with names, attributes by name and texts, decoded only when asked', () => {
    const scan = new XmlScanner('<x:sheetData><row r="2"><c r="B2" s="3" t="s"><v>7</v></c><c r="C2" s="1"/><x:c r:id="a&amp;b">A&lt;B\r\nC</x:c></row></x:sheetData>');
    const seen: string[] = [];
    for (let event = scan.next(); event !== END; event = scan.next()) {
      if (event === OPEN) seen.push(`<${scan.name}${scan.is('c') ? ` r=${scan.attr('r')} s=${scan.attr('s')} t=${scan.attr('t')} id=${scan.attr('r:id')}` : ''}${scan.empty ? '/' : ''}>`);
      else if (event === TEXT) seen.push(scan.text);
      else if (event === CLOSE) seen.push(`</${scan.name}>`);
    }
    expect(seen).toEqual([
      '<sheetData>',
      '<row>',
      '<c r=B2 s=3 t=s id=undefined>',
      '<v>',
      '7',
      '</v>',
      '</c>',
      '<c r=C2 s=1 t=undefined id=undefined/>',
      '</c>',
      '<c r=undefined s=undefined t=undefined id=a&b>',
      'A<B\nC',
      '</c>',
      '</row>',
      '</sheetData>',
    ]);
  });

  it('tells names apart without prefix or by length', () => {
    const scan = new XmlScanner('<a:row/>');
    expect(scan.next()).toBe(OPEN);
    expect([scan.is('row'), scan.is('ro'), scan.is('rows'), scan.is('a:row'), scan.empty]).toEqual([true, false, false, false, true]);
    expect(scan.next()).toBe(CLOSE);
    expect(scan.next()).toBe(END);
  });

  it('keeps attributes apart from the next tag, and grows for elements with many attributes or deep nesting', () => {
    const many = Array.from({ length: 40 }, (_, i) => `a${i}="${i}"`).join(' ');
    const deep = `${'<d>'.repeat(200)}${'</d>'.repeat(200)}`;
    const scan = new XmlScanner(`<r ${many}><e x="1"/>${deep}</r>`);
    expect(scan.next()).toBe(OPEN);
    expect([scan.attr('a0'), scan.attr('a39'), scan.attr('x')]).toEqual(['0', '39', undefined]);
    expect(scan.next()).toBe(OPEN);
    expect([scan.attr('x'), scan.attr('a0')]).toEqual(['1', undefined]);
    let events = 0;
    while (scan.next() !== END) events++;
    expect(events).toBe(1 + 400 + 1);
  });

  it('decodes character references of every size, and refuses ones out of range', () => {
    expect(events('<a>&#x1F600;&#20013;&#x4e2d;</a>')).toEqual(['<a>', '😀中中', '</a>']);
    expect(() => events('<a>&#x110000;</a>')).toThrow(/unknown entity '&#x110000;'/);
    expect(() => events('<a>&#0;</a>')).toThrow(/unknown entity/);
    expect(() => events('<a>&#xZZ;</a>')).toThrow(/unknown entity/);
    expect(() => events('<a>&#;</a>')).toThrow(/unknown entity/);
    expect(() => events('<a>&#99999999999999999999;</a>')).toThrow(/unknown entity|unterminated/);
  });
});
