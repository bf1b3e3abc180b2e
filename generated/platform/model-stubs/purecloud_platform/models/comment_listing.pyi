from .comment import CommentListing as CommentListing
