from .system import SystemPromptAsset as SystemPromptAsset
