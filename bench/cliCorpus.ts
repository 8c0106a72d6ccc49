import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface CorpusStats {
  files: number;
  terraformFiles: number;
  cloudFormationFiles: number;
  policyFiles: number;
  bytes: number;
}

/**
 * A repository-shaped tree for CLI throughput: small Terraform modules (two files each), CloudFormation
 * YAML templates and raw bucket-policy JSON, about half of them with a public grant, in nested folders.
 */
export function writeCliCorpus(root: string, fileCount: number): CorpusStats {
  const stats: CorpusStats = { files: 0, terraformFiles: 0, cloudFormationFiles: 0, policyFiles: 0, bytes: 0 };
  const write = (relative: string, text: string) => {
    const full = path.join(root, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    stats.files++;
    stats.bytes += Buffer.byteLength(text);
  };
  let index = 0;
  while (stats.files < fileCount) {
    const group = `team-${index % 10}`;
    const isPublic = index % 2 === 0;
    switch (index % 4) {
      case 0:
      case 1:
        if (fileCount - stats.files >= 2) {
          write(`${group}/modules/m${index}/main.tf`, terraformBucket(index, isPublic));
          write(`${group}/modules/m${index}/variables.tf`, terraformVariables(index));
          stats.terraformFiles += 2;
        } else {
          write(`${group}/modules/m${index}/main.tf`, terraformBucket(index, isPublic));
          stats.terraformFiles++;
        }
        break;
      case 2:
        write(`${group}/templates/stack${index}.yaml`, cloudFormationTemplate(index, isPublic));
        stats.cloudFormationFiles++;
        break;
      default:
        write(`${group}/policies/bucket${index}.json`, bucketPolicy(index, isPublic));
        stats.policyFiles++;
    }
    index++;
  }
  return stats;
}

function terraformBucket(index: number, isPublic: boolean): string {
  const principal = isPublic ? '"*"' : `{ AWS = "arn:aws:iam::${accountFor(index)}:root" }`;
  return `resource "aws_s3_bucket" "b${index}" {
  bucket = var.bucket_name
}

resource "aws_s3_bucket_public_access_block" "b${index}" {
  bucket                  = aws_s3_bucket.b${index}.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = ${isPublic ? 'false' : 'true'}
  restrict_public_buckets = ${isPublic ? 'false' : 'true'}
}

resource "aws_s3_bucket_policy" "b${index}" {
  bucket = aws_s3_bucket.b${index}.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "Read${index}"
        Effect    = "Allow"
        Principal = ${principal}
        Action    = ["s3:GetObject", "s3:ListBucket"]
        Resource  = [aws_s3_bucket.b${index}.arn, "\${aws_s3_bucket.b${index}.arn}/*"]
      }
    ]
  })
}
`;
}

function terraformVariables(index: number): string {
  return `variable "bucket_name" {
  type    = string
  default = "bench-bucket-${index}"
}
`;
}

function cloudFormationTemplate(index: number, isPublic: boolean): string {
  return `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Bucket${index}:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: bench-cfn-${index}
${isPublic ? '      AccessControl: PublicRead\n' : `      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        IgnorePublicAcls: true
        BlockPublicPolicy: true
        RestrictPublicBuckets: true
`}  Bucket${index}Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket${index}
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: arn:aws:iam::${accountFor(index)}:root
            Action: s3:GetObject
            Resource: !Sub "arn:aws:s3:::\${Bucket${index}}/*"
`;
}

function bucketPolicy(index: number, isPublic: boolean): string {
  return `${JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: `Statement${index}`,
          Effect: 'Allow',
          Principal: isPublic ? '*' : { AWS: `arn:aws:iam::${accountFor(index)}:root` },
          Action: ['s3:GetObject'],
          Resource: `arn:aws:s3:::bench-json-${index}/*`,
        },
      ],
    },
    null,
    2,
  )}\n`;
}

function accountFor(index: number): string {
  return String(100000000000 + index).padStart(12, '0');
}
