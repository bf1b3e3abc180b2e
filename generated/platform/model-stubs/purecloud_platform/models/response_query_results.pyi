from .response import ResponseQueryResults as ResponseQueryResults
