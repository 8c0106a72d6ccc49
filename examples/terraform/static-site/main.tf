# A static website bucket made public through a bucket policy, with a Referer "protection"
# that does not restrict anything (anyone can send any Referer header).
variable "site_name" {
  type    = string
  default = "example-corp-www"
}

resource "aws_s3_bucket" "site" {
  bucket = var.site_name
}

resource "aws_s3_bucket_website_configuration" "site" {
  bucket = aws_s3_bucket.site.id
  index_document {
    suffix = "index.html"
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AllowGetFromOurSiteOnly"
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.site.arn}/*"
        Condition = {
          StringLike = { "aws:Referer" = ["https://www.example.com/*"] }
        }
      }
    ]
  })
}
