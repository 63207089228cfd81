import { describe, expect, it } from 'vitest';
import { parseXml } from '../../src/readers/xml.js';

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
