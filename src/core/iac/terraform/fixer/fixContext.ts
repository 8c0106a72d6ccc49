import type { SourceFile } from '../../../model/sourceFile';
import type { ParsedModule } from '../parseModule';
import { forEachTraversalInBody, referencedAddress } from '../references';
import { elementSpans } from '../suppressions';
import type { HclFile, Span } from '../syntaxTree';
import { TextLayout } from './textLayout';

/**
 * The parsed module plus what the fixers look up again and again (layouts, element spans, referenced
 * addresses), computed once: the rules ask for fixes on every finding.
 */
export class FixContext {
  private readonly layouts = new Map<string, TextLayout>();
  private readonly elements = new Map<string, Span[]>();
  private referenced: Set<string> | undefined;
  readonly memo = new Map<unknown, unknown>();

  constructor(
    readonly parsed: ParsedModule,
    private readonly files: SourceFile[],
  ) {}

  layout(path: string): TextLayout | undefined {
    const cached = this.layouts.get(path);
    if (cached) return cached;
    const file = this.files.find((candidate) => candidate.path === path);
    if (!file) return undefined;
    const layout = new TextLayout(path, file.text);
    this.layouts.set(path, layout);
    return layout;
  }

  hclFile(path: string): HclFile | undefined {
    return this.parsed.files.find((file) => file.path === path);
  }

  /** Spans of the blocks, attributes, object elements and list items of a file, sorted by start. */
  elementSpans(file: HclFile): Span[] {
    let spans = this.elements.get(file.path);
    if (!spans) {
      spans = elementSpans(file);
      this.elements.set(file.path, spans);
    }
    return spans;
  }

  /** Every resource / data / module address some expression of the module refers to (depends_on included). */
  isReferenced(address: string): boolean {
    if (!this.referenced) {
      const referenced = new Set<string>();
      for (const file of this.parsed.files) {
        forEachTraversalInBody(file.items, (traversal) => {
          const target = referencedAddress(traversal);
          if (target) referenced.add(target);
        });
      }
      this.referenced = referenced;
    }
    return this.referenced.has(address);
  }
}
