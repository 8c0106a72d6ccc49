# An uploads bucket whose legacy inline ACL lets anyone write.
resource "aws_s3_bucket" "uploads" {
  bucket = "${var.site_name}-uploads"
}

resource "aws_s3_bucket_acl" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  acl    = "public-read-write"
}
