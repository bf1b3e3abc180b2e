from .prompt import PromptAssetUpload as PromptAssetUpload
