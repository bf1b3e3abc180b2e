from .create import CreateGuide as CreateGuide
