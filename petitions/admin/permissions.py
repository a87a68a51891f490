"""Who may do what in the petitions admin: each action needs its named permission."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy

from ..models import Erasure, Signature, SignatureImport


class MappedPermissionPolicy(ModelPermissionPolicy):
    """Each admin action needs the named permission; None means nobody, not even superusers."""

    def __init__(self, model, actions):
        super().__init__(model)
        self.actions = actions

    def _permission(self, action):
        return self.actions.get(action, self._get_permission_name(action))

    def user_has_permission(self, user, action):
        permission = self._permission(action)
        return permission is not None and user.has_perm(permission)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        names = [self._permission(action) for action in actions]
        names = [name for name in names if name]
        if not names:
            return get_user_model().objects.none()
        codenames = [name.split(".", 1)[1] for name in names]
        return self._get_users_with_any_permission_codenames(codenames)


SIGNATURE_POLICY = MappedPermissionPolicy(
    Signature,
    {
        "add": None,  # only the signing service adds signatures
        "delete": None,  # never deleted: invalidated, or erased on request
        "copy": None,
        "view": "petitions.view_signature",
        "change": "petitions.change_signature",
        "export": "petitions.export_signature",
    },
)
IMPORT_POLICY = MappedPermissionPolicy(
    SignatureImport,
    {
        "add": "petitions.import_signature",
        "view": "petitions.import_signature",
        "change": None,
        "delete": None,
        "copy": None,
    },
)
ERASURE_POLICY = MappedPermissionPolicy(
    Erasure,
    {
        "add": "petitions.erase_signature",
        "view": "petitions.erase_signature",
        "change": None,
        "delete": None,
        "copy": None,
    },
)


def require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied
