# An uploads bucket whose legacy inline canned ACL lets anyone read and write.
resource "aws_s3_bucket" "uploads" {
  bucket = "e2e-fixture-uploads"
  acl    = "public-read-write"
}
