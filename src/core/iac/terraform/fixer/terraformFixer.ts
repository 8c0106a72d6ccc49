import type { AclDeclaration, BucketModel, DeclarationSet } from '../../../model/bucket';
import type { ExposureCause } from '../../../model/exposure';
import type { TextEdit } from '../../../model/finding';
import type { FormatFixer } from '../../../model/fixer';
import type { SourceLocation } from '../../../model/location';
import type { SourceFile } from '../../../model/sourceFile';
import type { ParsedModule } from '../parseModule';
import { makeAclPrivate } from './aclFix';
import { addRestrictingCondition } from './conditionFix';
import { FixContext } from './fixContext';
import { addAccessLogging } from './loggingFix';
import { restrictPrincipalToAccount } from './principalFix';
import { addPublicAccessBlock } from './publicAccessBlockFix';
import { removeStatement } from './removeStatementFix';
import { suppress } from './suppressFix';

/**
 * HCL edits for one module. Snippet results (VS Code `${1:…}` syntax): restrictPrincipalToAccount,
 * addRestrictingCondition, addAccessLogging, suppress. A fixer that cannot make its change here, or
 * fails for any reason, returns undefined: no fix is offered rather than a wrong one.
 */
export class TerraformFixer implements FormatFixer {
  private context: FixContext | undefined;
  /**
   * Edits that depend on the bucket alone: every finding on one bucket (public read, missing BPA, missing
   * logging, …) offers the same Block Public Access and logging fix, so each is computed once per bucket.
   */
  private readonly publicAccessBlockEdits = new Map<BucketModel, TextEdit[] | undefined>();
  private readonly loggingEdits = new Map<DeclarationSet, Map<BucketModel, TextEdit[] | undefined>>();

  constructor(
    private readonly set: DeclarationSet,
    private readonly files: SourceFile[],
    private readonly parse: () => ParsedModule | undefined,
  ) {}

  addPublicAccessBlock(bucket: BucketModel): TextEdit[] | undefined {
    if (!this.publicAccessBlockEdits.has(bucket)) {
      this.publicAccessBlockEdits.set(bucket, this.run((context) => addPublicAccessBlock(context, bucket)));
    }
    return copyOf(this.publicAccessBlockEdits.get(bucket));
  }

  makeAclPrivate(acl: AclDeclaration): TextEdit[] | undefined {
    return this.run((context) => makeAclPrivate(context, acl));
  }

  restrictPrincipalToAccount(cause: ExposureCause): TextEdit[] | undefined {
    return this.run((context) => restrictPrincipalToAccount(context, cause));
  }

  addRestrictingCondition(cause: ExposureCause): TextEdit[] | undefined {
    return this.run((context) => addRestrictingCondition(context, cause));
  }

  removeStatement(cause: ExposureCause): TextEdit[] | undefined {
    return this.run((context) => removeStatement(context, cause));
  }

  addAccessLogging(bucket: BucketModel, set: DeclarationSet): TextEdit[] | undefined {
    const inSet = set ?? this.set;
    let perBucket = this.loggingEdits.get(inSet);
    if (!perBucket) {
      perBucket = new Map();
      this.loggingEdits.set(inSet, perBucket);
    }
    if (!perBucket.has(bucket)) perBucket.set(bucket, this.run((context) => addAccessLogging(context, bucket, inSet)));
    return copyOf(perBucket.get(bucket));
  }

  suppress(ruleId: string, loc: SourceLocation, _resourceAddress: string): TextEdit[] | undefined {
    return this.run((context) => suppress(context, ruleId, loc));
  }

  private run(fix: (context: FixContext) => TextEdit[] | undefined): TextEdit[] | undefined {
    try {
      if (!this.context) {
        const parsed = this.parse();
        if (!parsed) return undefined;
        this.context = new FixContext(parsed, this.files);
      }
      const edits = fix(this.context);
      return edits && edits.length > 0 ? edits.sort((a, b) => a.file.localeCompare(b.file) || a.startOffset - b.startOffset) : undefined;
    } catch {
      return undefined;
    }
  }
}

/** Each caller gets its own list, so one fix's edits can never be rearranged through another's. */
function copyOf(edits: TextEdit[] | undefined): TextEdit[] | undefined {
  return edits ? [...edits] : undefined;
}
