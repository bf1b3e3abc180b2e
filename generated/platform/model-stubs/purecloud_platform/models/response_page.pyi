from .response import ResponsePage as ResponsePage
