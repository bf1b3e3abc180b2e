from .response import ResponseSet as ResponseSet
