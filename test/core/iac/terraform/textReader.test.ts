import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateTerraform } from '../../../../bench/terraformGenerate';
import { loadTerraformParser } from '../../../../src/core/iac/terraform/grammar';
import { parseHclFile } from '../../../../src/core/iac/terraform/parseFile';
import { HclTextParser } from '../../../../src/core/iac/terraform/hclParser';
import { FIXTURES } from './fixtureFiles';

const RUNS = Number(process.env.FC_RUNS ?? 300);

/** Valid HCL shapes, each read both ways. */
const SNIPPETS: Record<string, string> = {
  multiLineString: 'a = "x\ny"\n',
  heredocIndentedClose: 'a = <<EOT\n  x\n  EOT\n',
  heredocSpaceAfterMarker: 'a = << EOT\nx\nEOT\n',
  heredocEmpty: 'a = <<EOT\nEOT\n',
  heredocInterpolation: 'a = <<-EOT\n  ${var.x}\n  $${lit} %%{lit}\n  EOT\n',
  heredocCrlf: 'a = <<EOT\r\nx\r\nEOT\r\n',
  stripMarkers: 'a = "${~ var.x ~}"\n',
  emptyInterpolation: 'a = "${}"\n',
  directives: 'a = "%{ for x in var.l }${x},%{ endfor }"\nb = <<EOT\n%{ if var.c ~}\nyes ${var.d}\n%{~ else }\nno\n%{ endif }\nEOT\n',
  escapes: 'a = "\\u00e9 \\"q\\" \\\\ \\U0001F600"\n',
  comments: '// top\nresource "x" "y" { # tail\n  /* mid */ a = [1, /* c */ 2] // end\n}\n',
  oneLineAttributes: 'a = 1 b = 2\n',
  objectsWithoutCommas: 'a = { x = 1 y = 2 }\nb = { "k" : 1, (var.z) = 2, k3 = { n = [1, 2] }, }\n',
  identifiers: 'a = b-c\nd = provider::aws::arn_parse("x")\ne = x.0.y\n',
  splats: 'a = x.*.y\nb = x[*].y[0]\n',
  forExpressions: 'a = [for k, v in var.m : v if k != ""]\nb = {for k, v in var.m : k => v...}\n',
  operators: 'a = 1 + 2 * 3 - 4 / 5 % 6\nb = a < b || c >= d && e == f != g\nc = !var.x && -1.5 < - var.y\nd = a == "p" ? [1] : { k = 2 }\n',
  calls: 'a = f()\nb = g(1, "x", [2],)\nc = h(var.l...)\n',
  literals: 'a = 0xFF\nb = 1.5e3\nc = null\nd = { null = true }\n',
  postfix: 'a = (var.m).k\nb = x[0][1].y\nc = "s"[0]\n',
  blocks: 'a "b" {\n  c {\n    d = 1\n  }\n  e "f" g {}\n}\n',
  unicode: 'a = "😀 é ${var.ü}"\n# ü\n',
  tfvarsJson: '{"a": 1}\n',
  empty: '',
};

function fixtureTexts(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const module of readdirSync(FIXTURES)) {
    for (const file of readdirSync(path.join(FIXTURES, module))) {
      if (/\.(tf|tfvars)$/.test(file)) out.push([`${module}/${file}`, readFileSync(path.join(FIXTURES, module, file), 'utf8')]);
    }
  }
  return out;
}

describe('HclTextParser reads exactly what the tree-sitter tree holds', async () => {
  const parser = await loadTerraformParser();
  const both = (name: string, text: string) => {
    const viaText = parseHclFile(parser, name, text, { textReader: true });
    const viaTree = parseHclFile(parser, name, text, { textReader: false });
    return { viaText: { items: viaText.items, comments: viaText.comments }, viaTree: { items: viaTree.items, comments: viaTree.comments } };
  };

  test('HCL shapes', () => {
    for (const [name, text] of Object.entries(SNIPPETS)) {
      const tree = parser.parse(text)!;
      const valid = !tree.rootNode.hasError;
      tree.delete();
      assert.ok(valid, `${name} is valid for tree-sitter`);
      assert.doesNotThrow(() => new HclTextParser(text).readFile(), `${name} is read directly, not through the fallback`);
      const { viaText, viaTree } = both(name, text);
      assert.deepEqual(viaText, viaTree, name);
    }
  });

  test('every fixture file and a generated module', () => {
    for (const [name, text] of [...fixtureTexts(), ['generated', generateTerraform(40)] as [string, string]]) {
      const { viaText, viaTree } = both(name, text);
      assert.deepEqual(viaText, viaTree, name);
    }
  });

  test('mutated fixtures that tree-sitter still accepts read the same both ways', () => {
    const texts = fixtureTexts().map(([, text]) => text);
    const mutation = fc.record({
      source: fc.integer({ min: 0, max: texts.length - 1 }),
      at: fc.nat(),
      remove: fc.integer({ min: 0, max: 6 }),
      insert: fc.constantFrom('', ' ', '\n', '"', '{', '}', '[', ']', ',', '=', '.', '${x}', '%{ if x }y%{ endif }', '$${', '\\', '# c\n', '/* c */', '-', '1', 'a', '<<EOT\nx\nEOT\n', '<<-X\n  X\n', '!', '?', ':', '*', '(', ')', '...', 'for'),
    });
    fc.assert(
      fc.property(mutation, ({ source, at, remove, insert }) => {
        const original = texts[source];
        const offset = at % (original.length + 1);
        const text = original.slice(0, offset) + insert + original.slice(offset + remove);
        const tree = parser.parse(text)!;
        const valid = !tree.rootNode.hasError;
        tree.delete();
        if (!valid) return;
        let direct = true;
        try {
          new HclTextParser(text).readFile();
        } catch {
          direct = false; // the tree is read instead; equal by construction
        }
        const { viaText, viaTree } = both('mutated', text);
        assert.deepEqual(viaText, viaTree, `direct read: ${direct}\n${text}`);
      }),
      { numRuns: RUNS },
    );
  });
});
