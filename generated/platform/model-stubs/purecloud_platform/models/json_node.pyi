from .json import JsonNode as JsonNode
