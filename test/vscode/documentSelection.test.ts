import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileGlob } from '../../src/core/analysis/pathGlob';
import {
  groupIntoUnits,
  isAnalysable,
  isExcluded,
  searchExcludePattern,
  unitOf,
  untitledAnalysisPath,
  type FileRef,
} from '../../src/diagnostics/documentSelection';

const defaultExcludes = ['**/node_modules/**', '**/.terraform/**', '**/.git/**'].map(compileGlob);

function fileRef(workspacePath: string, scheme = 'file'): FileRef {
  const absolute = `/work/project/${workspacePath}`;
  const folder = absolute.slice(0, absolute.lastIndexOf('/'));
  return {
    uri: `${scheme}://${absolute}`,
    scheme,
    analysisPath: absolute,
    workspacePath,
    folderUri: `${scheme}://${folder}`,
  };
}

describe('isAnalysable', () => {
  test('takes IaC and policy files by name', () => {
    for (const path of ['infra/main.tf', 'infra/prod.tfvars', 'template.yaml', 'stack.yml', 'policy.json', 'app.template']) {
      assert.equal(isAnalysable(fileRef(path), defaultExcludes), true, path);
    }
  });

  test('leaves other files, state files and lock files alone', () => {
    for (const path of ['README.md', 'src/index.ts', 'terraform.tfstate', 'package-lock.json']) {
      assert.equal(isAnalysable(fileRef(path), defaultExcludes), false, path);
    }
  });

  test('skips diff views and other non-file schemes', () => {
    assert.equal(isAnalysable(fileRef('main.tf', 'git'), defaultExcludes), false);
    assert.equal(isAnalysable(fileRef('main.tf', 'vscode-vfs'), defaultExcludes), true);
  });

  test('honours the exclude globs at any depth', () => {
    assert.equal(isAnalysable(fileRef('node_modules/pkg/policy.json'), defaultExcludes), false);
    assert.equal(isAnalysable(fileRef('envs/prod/.terraform/modules/s3/main.tf'), defaultExcludes), false);
  });
});

describe('isExcluded', () => {
  test('matches an anchored pattern against the workspace-relative path only', () => {
    const excludes = [compileGlob('generated/**')];
    assert.equal(isExcluded(fileRef('generated/policy.json'), excludes), true);
    assert.equal(isExcluded(fileRef('src/generated/policy.json'), excludes), false);
  });

  test('matches files outside any workspace folder by their absolute path', () => {
    const outside: FileRef = { uri: 'file:///tmp/node_modules/x.json', scheme: 'file', analysisPath: '/tmp/node_modules/x.json' };
    assert.equal(isExcluded(outside, defaultExcludes), true);
  });

  test('reads Windows paths with forward slashes', () => {
    const windows: FileRef = { uri: 'file:///c%3A/p/node_modules/x.json', scheme: 'file', analysisPath: 'c:\\p\\node_modules\\x.json' };
    assert.equal(isExcluded(windows, defaultExcludes), true);
  });
});

describe('unitOf', () => {
  test('puts every Terraform file of a folder into one module unit', () => {
    const main = unitOf(fileRef('infra/main.tf'));
    const vars = unitOf(fileRef('infra/terraform.tfvars'));
    assert.equal(main.kind, 'terraform-module');
    assert.equal(main.key, vars.key);
    assert.notEqual(main.key, unitOf(fileRef('other/main.tf')).key);
  });

  test('keeps other files on their own, even beside Terraform files', () => {
    const template = unitOf(fileRef('infra/template.yaml'));
    assert.equal(template.kind, 'single-file');
    assert.notEqual(template.key, unitOf(fileRef('infra/main.tf')).key);
    assert.notEqual(template.key, unitOf(fileRef('infra/policy.json')).key);
  });

  test('an untitled Terraform document has no folder, so it stands alone', () => {
    const untitled: FileRef = { uri: 'untitled:Untitled-1', scheme: 'untitled', analysisPath: 'Untitled-1.tf' };
    assert.deepEqual(unitOf(untitled), { kind: 'single-file', key: 'file untitled:Untitled-1', fileUri: 'untitled:Untitled-1' });
  });
});

describe('groupIntoUnits', () => {
  test('groups module files and keeps first-seen order', () => {
    const groups = groupIntoUnits([
      fileRef('a/main.tf'),
      fileRef('b/policy.json'),
      fileRef('a/s3.tf'),
      fileRef('a/prod.tfvars'),
    ]);
    assert.deepEqual(
      groups.map((group) => group.files.map((file) => file.workspacePath)),
      [['a/main.tf', 'a/s3.tf', 'a/prod.tfvars'], ['b/policy.json']],
    );
  });
});

describe('untitledAnalysisPath', () => {
  test("gives an untitled document its language's extension", () => {
    assert.equal(untitledAnalysisPath('Untitled-1', 'terraform'), 'Untitled-1.tf');
    assert.equal(untitledAnalysisPath('Untitled-2', 'jsonc'), 'Untitled-2.json');
    assert.equal(untitledAnalysisPath('Untitled-3', 'plaintext'), 'Untitled-3');
    assert.equal(untitledAnalysisPath('policy.json', 'json'), 'policy.json');
  });
});

describe('searchExcludePattern', () => {
  test('joins plain globs into one brace pattern and leaves braced ones to the matcher', () => {
    assert.equal(searchExcludePattern(['**/a/**', '**/b/**']), '{**/a/**,**/b/**}');
    assert.equal(searchExcludePattern(['**/a/**', '**/{x,y}/**']), '**/a/**');
    assert.equal(searchExcludePattern([]), undefined);
  });
});
