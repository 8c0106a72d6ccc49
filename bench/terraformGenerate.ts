/**
 * A large single-module Terraform file for benchmarks: per bucket an aws_s3_bucket and a jsonencode
 * bucket policy; every third bucket is public (Principal "*"), every fourth has a public access block,
 * every eighth logs to a shared log bucket. About 10 lines per bucket (500 buckets ≈ 5,000 lines).
 */
export function generateTerraform(buckets: number): string {
  const parts: string[] = ['resource "aws_s3_bucket" "logs" {', '  bucket = "bench-access-logs"', '}', ''];
  for (let i = 0; i < buckets; i++) {
    const name = `b${i}`;
    const principal = i % 3 === 0 ? '"*"' : `{ AWS = "arn:aws:iam::${String(100000000000 + i)}:root" }`;
    parts.push(
      `resource "aws_s3_bucket" "${name}" { bucket = "bench-bucket-${i}" }`,
      `resource "aws_s3_bucket_policy" "${name}" {`,
      `  bucket = aws_s3_bucket.${name}.id`,
      '  policy = jsonencode({',
      '    Version = "2012-10-17"',
      `    Statement = [{ Effect = "Allow", Principal = ${principal}, Action = ["s3:GetObject"], Resource = "\${aws_s3_bucket.${name}.arn}/*" }]`,
      '  })',
      '}',
    );
    if (i % 4 === 1) {
      parts.push(
        `resource "aws_s3_bucket_public_access_block" "${name}" {`,
        `  bucket                  = aws_s3_bucket.${name}.id`,
        '  block_public_acls       = true',
        '  block_public_policy     = true',
        '  ignore_public_acls      = true',
        '  restrict_public_buckets = true',
        '}',
      );
    }
    if (i % 8 === 0) {
      parts.push(
        `resource "aws_s3_bucket_logging" "${name}" {`,
        `  bucket        = aws_s3_bucket.${name}.id`,
        '  target_bucket = aws_s3_bucket.logs.id',
        `  target_prefix = "${name}/"`,
        '}',
      );
    }
  }
  return parts.join('\n') + '\n';
}
