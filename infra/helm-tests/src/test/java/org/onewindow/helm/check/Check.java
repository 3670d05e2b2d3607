package org.onewindow.helm.check;

import java.util.List;
import org.onewindow.helm.manifest.Manifests;

/** One rule over a rendered chart; each violation names the object and what is wrong with it. */
public interface Check {

    List<String> violations(Manifests manifests);
}
