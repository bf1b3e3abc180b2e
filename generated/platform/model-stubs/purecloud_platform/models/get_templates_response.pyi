from .get import GetTemplatesResponse as GetTemplatesResponse
