from .response import ResponseEntityList as ResponseEntityList
