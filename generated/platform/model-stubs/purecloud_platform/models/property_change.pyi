from .property import PropertyChange as PropertyChange
