from .property import PropertyDefinition as PropertyDefinition
