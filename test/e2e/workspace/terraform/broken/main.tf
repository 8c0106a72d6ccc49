# Terraform that does not parse (the block is never closed).
resource "aws_s3_bucket" "broken" {
  bucket = "e2e-fixture-broken"
  acl    = "public-read"
