from .checklist import ChecklistItem as ChecklistItem
