from .copy import CopyAttachmentsRequest as CopyAttachmentsRequest
