from .comment import CommentCreate as CommentCreate
