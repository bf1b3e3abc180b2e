from .prompt import PromptAssetCreate as PromptAssetCreate
