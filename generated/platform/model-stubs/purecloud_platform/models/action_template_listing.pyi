from .action import ActionTemplateListing as ActionTemplateListing
