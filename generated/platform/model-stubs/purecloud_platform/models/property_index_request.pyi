from .property import PropertyIndexRequest as PropertyIndexRequest
