from .add import AddOpportunityBody as AddOpportunityBody
