"""Scripts written for the official SDK import models from one module per model
(``<sdk>.models.create_web_chat_conversation_request``); sdkgen groups models by family
but keeps those import paths working, without loading anything at package import."""

import subprocess
import sys
from pathlib import Path

from generator.runtime._model_modules import official_module_name

GUEST_CHAT = Path(__file__).resolve().parents[2] / "generated" / "guest-chat"

SCRIPT = r"""
import sys
import purecloud_guest_chat.models as models
from purecloud_guest_chat._model_modules import official_module_name
finder = next(f for f in sys.meta_path if type(f).__name__ == "ModelModuleFinder")
assert finder._by_module is None, "the alias table is built on the first such import only"
from purecloud_guest_chat.models.create_web_chat_conversation_request import CreateWebChatConversationRequest
import purecloud_guest_chat.models.web_chat_member_info as member_module
from purecloud_guest_chat.models.create import CreateWebChatConversationRequest as grouped
assert CreateWebChatConversationRequest is grouped is models.CreateWebChatConversationRequest
assert member_module.WebChatMemberInfo is models.WebChatMemberInfo
assert member_module.__all__ == ["WebChatMemberInfo"]
try:
    import purecloud_guest_chat.models.no_such_model
except ModuleNotFoundError:
    pass
else:
    raise AssertionError("unknown module imported")
for name in models.__all__:  # every class is reachable through its official module name
    module = __import__("purecloud_guest_chat.models." + official_module_name(name), fromlist=[name])
    assert getattr(module, name) is getattr(models, name)
print("ok")
"""


def test_official_module_names():
    assert official_module_name("UserEntityListing") == "user_entity_listing"
    assert official_module_name("OAuthClient") == "o_auth_client"
    assert official_module_name("V2ConversationMessage") == "v2_conversation_message"
    assert official_module_name("None_") == "none"


def test_official_per_model_imports_work_in_a_generated_sdk():
    run = subprocess.run([sys.executable, "-c", SCRIPT], cwd=GUEST_CHAT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"
