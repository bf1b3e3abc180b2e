from .knowledge import KnowledgeDocumentReq as KnowledgeDocumentReq
