from .footer import FooterTemplate as FooterTemplate
