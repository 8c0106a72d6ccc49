# A public documentation bucket: its exposure was reviewed, and the finding suppressed with a reason.
resource "aws_s3_bucket" "docs" {
  bucket = "e2e-fixture-docs"
}

# s3-security-review:ignore S3-PUBLIC-READ public documentation site, reviewed by security 2026-12
resource "aws_s3_bucket_policy" "docs" {
  bucket = aws_s3_bucket.docs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.docs.arn}/*"
      }
    ]
  })
}
