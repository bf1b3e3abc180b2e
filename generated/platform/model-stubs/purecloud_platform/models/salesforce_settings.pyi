from .salesforce import SalesforceSettings as SalesforceSettings
