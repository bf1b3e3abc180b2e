from .action import ActionContractInput as ActionContractInput
