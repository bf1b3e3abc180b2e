from .response import ResponseSubstitution as ResponseSubstitution
