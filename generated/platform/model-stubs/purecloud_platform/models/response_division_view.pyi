from .response import ResponseDivisionView as ResponseDivisionView
