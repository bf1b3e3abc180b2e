from .create import CreateGuideVersion as CreateGuideVersion
