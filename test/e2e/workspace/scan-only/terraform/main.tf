# An archive bucket readable by anyone through its canned ACL. The e2e tests never open this file:
# only the workspace scan reports it.
resource "aws_s3_bucket" "archive" {
  bucket = "e2e-fixture-archive"
  acl    = "public-read"
}
