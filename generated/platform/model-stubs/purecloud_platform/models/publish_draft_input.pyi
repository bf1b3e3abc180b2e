from .publish import PublishDraftInput as PublishDraftInput
