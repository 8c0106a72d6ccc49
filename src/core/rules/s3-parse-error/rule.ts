import type { SetRule } from '../rule';

export const parseErrorRule: SetRule = {
  scope: 'set',
  id: 'S3-PARSE-ERROR',
  title: 'File looks like infrastructure code but does not parse',
  severity: 'info',
  summary: 'A Terraform, CloudFormation or policy file could not be parsed; findings for it may be incomplete.',
  docs: `The file has the name or shape of a Terraform, CloudFormation/SAM or bucket-policy file, but its syntax is
broken at the place shown. What could be read is still analysed; what could not is not, so a public grant
in the broken part would be missed. Fix the syntax error (your editor's own language support shows it too).`,
  check(context) {
    return context.set.parseProblems.map((problem) => ({
      message: `${problem.message} — S3 Security Review analysed only what it could read in this file.`,
      loc: problem.loc,
      resource: problem.loc.file,
      related: [],
      fixes: [],
    }));
  },
};
