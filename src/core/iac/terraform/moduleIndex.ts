import { LineIndex } from '../../model/location';
import type { SourceFile } from '../../model/sourceFile';
import { baseNameOf, directoryOf, normalizePath } from './modulePaths';
import type { HclAttribute, HclBlock, HclFile } from './syntaxTree';

export interface ResourceEntry {
  /** `aws_s3_bucket.site` or `data.aws_iam_policy_document.public`. */
  address: string;
  type: string;
  name: string;
  block: HclBlock;
  file: HclFile;
}

export interface VariableSettingsFile {
  file: HclFile;
  /** terraform.tfvars and *.auto.tfvars are loaded without being asked; other .tfvars only with -var-file. */
  autoLoaded: boolean;
  values: Map<string, HclAttribute>;
}

/** A file read by `file()`: the text and a line index for locations. */
export interface PlainTextFile {
  path: string;
  text: string;
  lines: LineIndex;
}

/** Everything a module directory declares, by name, for resolving references across its files. */
export interface ModuleIndex {
  directory: string;
  tfFiles: HclFile[];
  resources: Map<string, ResourceEntry>;
  dataSources: Map<string, ResourceEntry>;
  variables: Map<string, { block: HclBlock; file: HclFile }>;
  locals: Map<string, { attribute: HclAttribute; file: HclFile }>;
  settings: VariableSettingsFile[];
  readFile(path: string): PlainTextFile | undefined;
}

export function isTfvarsPath(path: string): boolean {
  return /\.tfvars$/i.test(path);
}

export function buildModuleIndex(tfFiles: HclFile[], tfvarsFiles: HclFile[], allFiles: SourceFile[]): ModuleIndex {
  const resources = new Map<string, ResourceEntry>();
  const dataSources = new Map<string, ResourceEntry>();
  const variables = new Map<string, { block: HclBlock; file: HclFile }>();
  const locals = new Map<string, { attribute: HclAttribute; file: HclFile }>();
  for (const file of tfFiles) {
    for (const item of file.items) {
      if (item.kind !== 'block' || item.hasError) continue;
      const [first, second] = item.labels.map((label) => label.value);
      if (item.type === 'resource' && first && second !== undefined) {
        const address = `${first}.${second}`;
        if (!resources.has(address)) resources.set(address, { address, type: first, name: second, block: item, file });
      } else if (item.type === 'data' && first && second !== undefined) {
        const address = `data.${first}.${second}`;
        if (!dataSources.has(address)) dataSources.set(address, { address, type: first, name: second, block: item, file });
      } else if (item.type === 'variable' && first) {
        if (!variables.has(first)) variables.set(first, { block: item, file });
      } else if (item.type === 'locals') {
        for (const attribute of item.body) {
          if (attribute.kind === 'attribute' && !locals.has(attribute.name)) locals.set(attribute.name, { attribute, file });
        }
      }
    }
  }
  const settings = tfvarsFiles
    .map((file) => {
      const values = new Map<string, HclAttribute>();
      for (const item of file.items) if (item.kind === 'attribute') values.set(item.name, item);
      const name = baseNameOf(file.path).toLowerCase();
      return { file, autoLoaded: name === 'terraform.tfvars' || name.endsWith('.auto.tfvars'), values };
    })
    // Terraform reads terraform.tfvars first, then *.auto.tfvars in lexical order; later files win.
    .sort((a, b) => settingsOrder(a.file.path) - settingsOrder(b.file.path) || baseNameOf(a.file.path).localeCompare(baseNameOf(b.file.path)));

  const byPath = new Map<string, SourceFile>();
  for (const file of allFiles) byPath.set(normalizePath(file.path), file);
  const readCache = new Map<string, PlainTextFile>();
  const directory = tfFiles.length > 0 ? directoryOf(tfFiles[0].path) : allFiles.length > 0 ? directoryOf(allFiles[0].path) : '';
  return {
    directory,
    tfFiles,
    resources,
    dataSources,
    variables,
    locals,
    settings,
    readFile(path: string) {
      const key = normalizePath(path);
      const cached = readCache.get(key);
      if (cached) return cached;
      const source = byPath.get(key);
      if (!source) return undefined;
      const read = { path: source.path, text: source.text, lines: new LineIndex(source.text) };
      readCache.set(key, read);
      return read;
    },
  };
}

function settingsOrder(path: string): number {
  return baseNameOf(path).toLowerCase() === 'terraform.tfvars' ? 0 : 1;
}
