from .array import ArrayNode as ArrayNode
