from .publish import PublishForm as PublishForm
