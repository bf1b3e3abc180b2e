from .post import PostActionInput as PostActionInput
