from .prompt import PromptAsset as PromptAsset
